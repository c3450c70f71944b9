package org.puente.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive the integration tests deploy: the very WAR Maven packaged, at the root context, plus the
 * test-only hooks that move the portal's clock ({@link TestClockServlet}) and tell whether its mail queue is idle
 * ({@link TestMailQueueServlet}), which production never ships.
 */
public final class Deployments {

    /** Marks the archive that {@link SharedPortalContainer} deploys once for every class that asks for it. */
    private static final String SHARED_MARKER = "WEB-INF/puente-shared-test-deployment";

    private Deployments() {}

    /**
     * The portal, deployed once and shared by every test class that asks for it ({@link SharedPortalContainer}),
     * for classes whose tests leave the portal as they found it: each test its own rows and client address,
     * the clock only moved forward (or put back), no fault left in the mail server.
     */
    public static WebArchive shared() {
        return portal().addClass(FailingServlet.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, SHARED_MARKER.substring("WEB-INF/".length()));
    }

    static boolean isShared(Archive<?> archive) {
        return archive.contains("/" + SHARED_MARKER);
    }

    public static WebArchive portal() {
        File war = new File(System.getProperty("puente.war", "target/puente.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Package the WAR first (mvn verify does): " + war);
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addClasses(TestHooks.class, TestClockServlet.class, TestMailQueueServlet.class);
    }
}
