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

    /** A supervisor's sign-in: the user name and the roster person it is linked to. */
    public record SupervisorAccount(String username, String personId) {
    }

    /** A supervisor's account just made or reset, with the password to hand over (shown once, never stored as such). */
    public record IssuedPassword(String username, String password, boolean created) {
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AdminUserStore.AdminUser user = store.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("no admin user " + username));
        return User.withUsername(user.username()).password(user.passwordHash()).disabled(user.disabled())
                .authorities(user.role().authority()).build();
    }

    /** Creates the user or sets a new password and role (supervisors: {@link #issueSupervisorPassword}). */
    public void save(String username, String password, AdminRole role) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("user name required");
        }
        if (password == null || password.length() < 10) {
            throw new IllegalArgumentException("password must be at least 10 characters");
        }
        if (role == AdminRole.SUPERVISOR) {
            throw new IllegalArgumentException("role: a supervisor is linked to a person on the roster; invite them from "
                    + "their page in the admin area");
        }
        store.save(new AdminUserStore.AdminUser(username, passwords.encode(password), role, clock.instant(), false));
    }

    /**
     * Gives a roster person a supervisor sign-in, or a new password for the one they have: a generated password the
     * admin hands over once (a small practice has no single sign-on and may have no mail set up).
     *
     * @param username for a new account: the name to sign in with (their email, usually); ignored when they have one
     * @throws IllegalArgumentException naming the field, when the user name is missing or taken by someone else
     */
    public IssuedPassword issueSupervisorPassword(String personId, String username) {
        String password = SupervisorPasswords.generate();
        var existing = store.byPerson(personId);
        if (existing.isPresent()) {
            AdminUserStore.AdminUser user = existing.get();
            store.save(new AdminUserStore.AdminUser(user.username(), passwords.encode(password), AdminRole.SUPERVISOR,
                    user.createdAt(), false, personId));
            return new IssuedPassword(user.username(), password, false);
        }
        String name = username == null ? "" : username.trim();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("username: required, without spaces (the person's email is a good choice)");
        }
        if (store.find(name).isPresent()) {
            throw new IllegalArgumentException("username: '" + name + "' is already someone's sign-in; choose another");
        }
        store.save(new AdminUserStore.AdminUser(name, passwords.encode(password), AdminRole.SUPERVISOR, clock.instant(),
                false, personId));
        return new IssuedPassword(name, password, true);
    }

    /**
     * A supervisor replaces the password an admin gave them, so that only they know it.
     *
     * @throws IllegalArgumentException naming the field, when the current password is wrong or the new one too short
     */
    public void changeSupervisorPassword(String username, String current, String replacement) {
        AdminUserStore.AdminUser user = store.find(username).filter(u -> u.role() == AdminRole.SUPERVISOR)
                .orElseThrow(() -> new IllegalArgumentException("username: not a supervisor's sign-in"));
        if (current == null || !passwords.matches(current, user.passwordHash())) {
            throw new IllegalArgumentException("currentPassword: not your current password");
        }
        if (replacement == null || replacement.length() < 10) {
            throw new IllegalArgumentException("newPassword: at least 10 characters");
        }
        store.save(new AdminUserStore.AdminUser(user.username(), passwords.encode(replacement), AdminRole.SUPERVISOR,
                user.createdAt(), user.disabled(), user.personId()));
    }

    /** The supervisor account of a user name; empty for admins, auditors and unknown names. */
    public java.util.Optional<SupervisorAccount> supervisor(String username) {
        return store.find(username).filter(u -> u.role() == AdminRole.SUPERVISOR && u.personId() != null && !u.disabled())
                .map(u -> new SupervisorAccount(u.username(), u.personId()));
    }

    /** The supervisor account linked to a roster person, if they have one. */
    public java.util.Optional<SupervisorAccount> supervisorOf(String personId) {
        return store.byPerson(personId).filter(u -> u.role() == AdminRole.SUPERVISOR)
                .map(u -> new SupervisorAccount(u.username(), u.personId()));
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
