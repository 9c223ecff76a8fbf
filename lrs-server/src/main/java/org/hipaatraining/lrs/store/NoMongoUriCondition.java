package org.hipaatraining.lrs.store;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when neither the Boot 4 property nor its older name points at a MongoDB. */
class NoMongoUriCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        return !StringUtils.hasText(env.getProperty("spring.mongodb.uri"))
                && !StringUtils.hasText(env.getProperty("spring.data.mongodb.uri"));
    }
}
