package org.puente.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JSON API for partner tools, in the OSDI 1.2 vocabulary with HAL+JSON. Jersey's generated
 * {@code application.wadl} is switched off: the API is documented for partners, not advertised.
 */
@ApplicationPath("/api/v1")
public class PuenteApi extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
