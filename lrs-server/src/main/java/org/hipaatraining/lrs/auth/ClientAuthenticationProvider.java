package org.hipaatraining.lrs.auth;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * HTTP Basic for xAPI: the user name is the client key, the password its secret; scopes become authorities. Keys with
 * the launch-token prefix go to the {@link LaunchTokenAuthenticator} instead (cmi5 fetch tokens).
 */
public class ClientAuthenticationProvider implements AuthenticationProvider {

    private final ClientService clients;
    private final LaunchTokenAuthenticator launchTokens;

    ClientAuthenticationProvider(ClientService clients, LaunchTokenAuthenticator launchTokens) {
        this.clients = clients;
        this.launchTokens = launchTokens;
    }

    /**
     * The provider the xAPI filter chain uses: this one behind the {@link SignInThrottle}, counting attempts as xAPI
     * (or launch-token) sign-ins.
     *
     * @param launchTokens null when cmi5 launch tokens are not served
     */
    public static AuthenticationProvider throttled(ClientService clients, LaunchTokenAuthenticator launchTokens,
                                                   SignInThrottle throttle) {
        return new ThrottledAuthentication(new ClientAuthenticationProvider(clients, launchTokens), throttle,
                SignInAttempt.Channel.XAPI);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = authentication.getName();
        Object credentials = authentication.getCredentials();
        String secret = credentials == null ? "" : credentials.toString();
        if (key.startsWith(LaunchTokenAuthenticator.KEY_PREFIX)) {
            Optional<XapiClient> token = launchTokens == null ? Optional.empty() : launchTokens.authenticate(key, secret);
            return authenticated(token.orElseThrow(() -> new BadCredentialsException(
                    "unknown or expired launch token, or its session has ended")));
        }
        XapiClient client = clients.authenticate(key, secret)
                .orElseThrow(() -> new BadCredentialsException("unknown or revoked client key, or wrong secret"));
        return authenticated(client);
    }

    static Authentication authenticated(XapiClient client) {
        List<SimpleGrantedAuthority> authorities = client.scopes().stream()
                .map(s -> new SimpleGrantedAuthority(s.authority())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(client, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
