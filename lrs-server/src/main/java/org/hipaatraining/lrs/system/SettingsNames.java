package org.hipaatraining.lrs.system;

import java.beans.Introspector;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Gives every settings record ({@code @ConfigurationProperties}) its simple name as a bean name too, e.g.
 * {@code ltiSettings}: {@code @ConfigurationPropertiesScan} names them {@code prefix-fully.qualified.Name}. So a
 * schedule reads the typed setting, default and all, rather than repeating it in a placeholder:
 * {@code @Scheduled(fixedDelayString = "#{@ltiSettings.sendInterval().toMillis()}")}.
 */
@Component
class SettingsNames implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            String className = definition.getBeanClassName();
            if (className == null || !ClassUtils.isPresent(className, beanFactory.getBeanClassLoader())) {
                continue;
            }
            Class<?> type = ClassUtils.resolveClassName(className, beanFactory.getBeanClassLoader());
            String alias = Introspector.decapitalize(type.getSimpleName());
            if (type.isRecord() && type.isAnnotationPresent(ConfigurationProperties.class) && !alias.equals(name)
                    && !beanFactory.containsBean(alias)) {
                beanFactory.registerAlias(name, alias);
            }
        }
    }
}
