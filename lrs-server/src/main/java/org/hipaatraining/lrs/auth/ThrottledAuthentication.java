package org.hipaatraining.lrs.auth;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * An authentication provider behind the {@link SignInThrottle}: a locked account or address is refused before the
 * password is checked (so a lock stops guessing even of the right password), and a wrong password or unknown account
 * is counted and logged as a security event.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final SignInThrottle throttle;
    private final SignInAttempt.Channel channel;

    ThrottledAuthentication(AuthenticationProvider delegate, SignInThrottle throttle, SignInAttempt.Channel channel) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.channel = channel;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        SignInAttempt attempt = SignInAttempt.of(channelOf(authentication), authentication);
        throttle.checkNotLocked(attempt);
        try {
            return delegate.authenticate(authentication);
        } catch (BadCredentialsException e) {
            throttle.failed(attempt, "bad-credentials");
            throw e;
        }
    }

    private SignInAttempt.Channel channelOf(Authentication authentication) {
        return channel == SignInAttempt.Channel.XAPI && authentication.getName().startsWith(LaunchTokenAuthenticator.KEY_PREFIX)
                ? SignInAttempt.Channel.LAUNCH_TOKEN : channel;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
