package org.hipaatraining.lrs.auth;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** HTTP Basic for xAPI: the user name is the client key, the password its secret; scopes become authorities. */
class ClientAuthenticationProvider implements AuthenticationProvider {

    private final ClientService clients;

    ClientAuthenticationProvider(ClientService clients) {
        this.clients = clients;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = authentication.getName();
        Object credentials = authentication.getCredentials();
        XapiClient client = clients.authenticate(key, credentials == null ? "" : credentials.toString())
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
