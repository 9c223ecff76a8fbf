package org.hipaatraining.lrs.auth;

import java.time.Clock;
import java.util.List;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Admin and auditor accounts for the admin pages and admin API. */
@Service
public class AdminUserService implements UserDetailsService {

    private final AdminUserStore store;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AdminUserService(AdminUserStore store, PasswordEncoder passwords, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
    }

    public record AdminUserView(String username, AdminRole role, boolean disabled) {
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AdminUserStore.AdminUser user = store.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("no admin user " + username));
        return User.withUsername(user.username()).password(user.passwordHash()).disabled(user.disabled())
                .authorities(user.role().authority()).build();
    }

    /** Creates the user or sets a new password and role. */
    public void save(String username, String password, AdminRole role) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("user name required");
        }
        if (password == null || password.length() < 10) {
            throw new IllegalArgumentException("password must be at least 10 characters");
        }
        store.save(new AdminUserStore.AdminUser(username, passwords.encode(password), role, clock.instant(), false));
    }

    public boolean passwordMatches(String username, String password) {
        return store.find(username).map(u -> passwords.matches(password, u.passwordHash())).orElse(false);
    }

    public boolean noneExist() {
        return store.count() == 0;
    }

    public List<AdminUserView> list() {
        return store.all().stream().map(u -> new AdminUserView(u.username(), u.role(), u.disabled())).toList();
    }
}
