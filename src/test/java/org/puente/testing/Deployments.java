package org.puente.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive the integration tests deploy: the very WAR Maven packaged, at the root context, plus the
 * test-only hooks that move the portal's clock ({@link TestClockServlet}) and tell whether its mail queue is idle
 * ({@link TestMailQueueServlet}), which production never ships.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive portal() {
        File war = new File(System.getProperty("puente.war", "target/puente.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Package the WAR first (mvn verify does): " + war);
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class)
                .addClasses(TestHooks.class, TestClockServlet.class, TestMailQueueServlet.class);
    }
}
