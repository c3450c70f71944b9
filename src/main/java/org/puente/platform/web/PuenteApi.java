package org.puente.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API for partner tools, in the OSDI 1.2 vocabulary with HAL+JSON. */
@ApplicationPath("/api/v1")
public class PuenteApi extends Application {
}
