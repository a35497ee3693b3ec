package dev.facevitals.auth;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the credential of a request, in this order: a signed request ({@code X-Signature-*}),
 * {@code x-api-key}, {@code Authorization: Token} (action token), {@code Authorization: Bearer}, and
 * {@code x-admin-key}. A request without one stays anonymous; the route's roles then decide (401).
 */
@ApplicationScoped
public class ApiAuthMechanism implements HttpAuthenticationMechanism {

    static final String API_KEY_HEADER = "x-api-key";
    static final String ADMIN_KEY_HEADER = "x-admin-key";
    static final String SIGNATURE_KEY_HEADER = "X-Signature-Key";
    static final String SIGNATURE_TIMESTAMP_HEADER = "X-Signature-Timestamp";
    static final String SIGNATURE_HEADER = "X-Signature";
    /** Signed bodies are read into memory to be checked: JSON requests, not uploads. */
    static final long MAX_SIGNED_BODY = 1024 * 1024;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviders) {
        HttpServerRequest request = context.request();
        String signatureKey = request.getHeader(SIGNATURE_KEY_HEADER);
        if (signatureKey != null) {
            return signed(context, identityProviders, signatureKey);
        }
        String key = request.getHeader(API_KEY_HEADER);
        if (key != null && !key.isBlank()) {
            return identityProviders.authenticate(new CredentialRequests.ApiKeyRequest(key.trim()));
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            String token = after(authorization, "Token ");
            if (token != null) {
                return identityProviders.authenticate(new CredentialRequests.ActionTokenRequest(token));
            }
            token = after(authorization, "Bearer ");
            if (token != null) {
                return identityProviders.authenticate(new CredentialRequests.BearerRequest(token));
            }
        }
        String admin = request.getHeader(ADMIN_KEY_HEADER);
        if (admin != null) {
            return identityProviders.authenticate(new CredentialRequests.AdminRequest(admin.trim()));
        }
        return Uni.createFrom().nullItem();
    }

    private Uni<SecurityIdentity> signed(RoutingContext context, IdentityProviderManager identityProviders,
                                         String keyId) {
        HttpServerRequest request = context.request();
        String timestamp = request.getHeader(SIGNATURE_TIMESTAMP_HEADER);
        String signature = request.getHeader(SIGNATURE_HEADER);
        return body(context).chain(body -> identityProviders.authenticate(new CredentialRequests.SignedRequest(
                keyId.trim(), timestamp == null ? "" : timestamp.trim(), signature == null ? "" : signature.trim(),
                RequestSignatures.canonical(request.method().name(), request.path(), request.query(),
                        timestamp == null ? "" : timestamp.trim(), body))));
    }

    /** The body {@link SignedBodyReader} kept on the routing context (empty when there is none). */
    private static Uni<byte[]> body(RoutingContext context) {
        Buffer body = context.body() == null ? null : context.body().buffer();
        return Uni.createFrom().item(body == null ? new byte[0] : body.getBytes());
    }

    private static String after(String header, String scheme) {
        if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
            String rest = header.substring(scheme.length()).trim();
            return rest.isEmpty() ? null : rest;
        }
        return null;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(CredentialRequests.ApiKeyRequest.class, CredentialRequests.ActionTokenRequest.class,
                CredentialRequests.BearerRequest.class, CredentialRequests.SignedRequest.class,
                CredentialRequests.AdminRequest.class);
    }
}
