package org.puente.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara Micro's Arquillian adapter, with one deployment shared by the test classes that ask for it.
 *
 * <p>The adapter starts a fresh Payara Micro process for every deployment ({@code java -jar payara-micro.jar
 * --deploy}) and kills it at undeployment, so each test class pays a boot (15–20 s on two cores). An archive
 * made by {@link Deployments#shared()} is deployed once instead: later classes deploying it get the running
 * portal, and its undeployment waits for the end of the run. Any other archive (a class that kills or
 * misconfigures its instance, or starts a second one) first stops the shared portal, because two portals on
 * one database would share the alert engine's work, and gets a process of its own as before. The portal
 * therefore boots once per run of consecutive sharing classes (failsafe runs the classes in alphabetical order).
 *
 * <p>Arquillian creates this container once per test JVM (in place of the adapter's, through {@link Extension});
 * it stops the shared portal when Arquillian stops its containers at the end of the run.
 */
public class SharedPortalContainer implements DeployableContainer<PayaraMicroContainerConfiguration> {

    private static final Logger LOG = Logger.getLogger(SharedPortalContainer.class.getName());

    /** Registers this container in place of the adapter's own. */
    public static class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(
                    DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPortalContainer.class);
        }
    }

    private final PayaraMicroDeployableContainer payara = new PayaraMicroDeployableContainer();
    /** The shared portal's archive and address while it runs. */
    private Archive<?> shared;

    private ProtocolMetaData sharedAt;

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return payara.getConfigurationClass();
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        payara.setup(configuration);
    }

    @Override
    public void start() throws LifecycleException {
        payara.start();
    }

    @Override
    public void stop() throws LifecycleException {
        stopShared();
        payara.stop();
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return payara.getDefaultProtocol();
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (Deployments.isShared(archive)) {
            if (sharedAt == null) {
                sharedAt = payara.deploy(archive);
                shared = archive;
                LOG.info("Shared portal deployed; the test classes that share it reuse it");
            }
            return sharedAt;
        }
        stopShared();
        return payara.deploy(archive);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        if (!Deployments.isShared(archive)) {
            payara.undeploy(archive);
        }
    }

    private void stopShared() {
        if (sharedAt != null) {
            try {
                payara.undeploy(shared);
            } catch (DeploymentException e) {
                LOG.warning(() -> "The shared portal did not stop cleanly: " + e);
            }
            shared = null;
            sharedAt = null;
        }
    }
}
