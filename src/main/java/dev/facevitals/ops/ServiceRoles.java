package dev.facevitals.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which roles this process plays. One artifact, two roles: {@code api} (REST and long-poll wake-ups) and
 * {@code worker} (consumes {@code video-requests}); both by default, one each in the two Kubernetes
 * Deployments. The worker switch also turns the Kafka consumer channel off (see application.properties).
 */
@ConfigMapping(prefix = "facevitals.roles")
public interface ServiceRoles {

    @WithDefault("true")
    boolean api();

    @WithDefault("true")
    boolean worker();
}
