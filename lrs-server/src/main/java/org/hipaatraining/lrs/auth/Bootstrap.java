package org.hipaatraining.lrs.auth;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Creates the configured bootstrap client and the first admin before the server accepts requests. */
@Component
class Bootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final BootstrapSettings settings;
    private final ClientService clients;
    private final AdminUserService admins;

    Bootstrap(BootstrapSettings settings, ClientService clients, AdminUserService admins) {
        this.settings = settings;
        this.clients = clients;
        this.admins = admins;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (StringUtils.hasText(settings.clientKey())) {
            if (!StringUtils.hasText(settings.clientSecret())) {
                throw new IllegalStateException("lrs.bootstrap.client-key is set but lrs.bootstrap.client-secret is not");
            }
            clients.createOrUpdate(settings.clientKey(), settings.clientSecret(), settings.clientName(), scopes());
            log.info("Bootstrap xAPI client '{}' is ready with scopes {}", settings.clientKey(), settings.clientScopes());
        }
        if (StringUtils.hasText(settings.adminPassword())) {
            if (!admins.passwordMatches(settings.adminUsername(), settings.adminPassword())) {
                admins.save(settings.adminUsername(), settings.adminPassword(), AdminRole.ADMIN);
            }
            log.info("Admin user '{}' is ready", settings.adminUsername());
        } else if (admins.noneExist()) {
            String password = ClientService.randomToken(12);
            admins.save(settings.adminUsername(), password, AdminRole.ADMIN);
            log.warn("Created the first admin user '{}' with password {}  (shown once: sign in and keep it safe, "
                    + "or set lrs.bootstrap.admin-password)", settings.adminUsername(), password);
        }
    }

    private Set<Scope> scopes() {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : settings.clientScopes()) {
            scopes.add(Scope.fromValue(value).orElseThrow(() ->
                    new IllegalStateException("lrs.bootstrap.client-scopes: unknown scope '" + value + "'")));
        }
        return scopes;
    }
}
