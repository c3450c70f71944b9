package org.puente.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.puente.platform.web.ClientAddress;

/**
 * The portal's runtime settings, read from the environment through MicroProfile Config
 * ({@code PUENTE_*} variables or system properties), never baked into the build.
 */
@ApplicationScoped
public class PuenteConfig {

    @Inject
    @ConfigProperty(name = "PUENTE_BASE_URL", defaultValue = "http://localhost:8080")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "PUENTE_SMTP_HOST", defaultValue = "localhost")
    String smtpHost;

    @Inject
    @ConfigProperty(name = "PUENTE_SMTP_PORT", defaultValue = "25")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "PUENTE_SMTP_USER")
    Optional<String> smtpUser;

    @Inject
    @ConfigProperty(name = "PUENTE_SMTP_PASSWORD")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "PUENTE_SMTP_STARTTLS", defaultValue = "false")
    boolean smtpStartTls;

    @Inject
    @ConfigProperty(name = "PUENTE_MAIL_FROM", defaultValue = "puente@localhost")
    String mailFrom;

    @Inject
    @ConfigProperty(name = "PUENTE_ADMIN_EMAIL")
    Optional<String> adminEmail;

    @Inject
    @ConfigProperty(name = "PUENTE_ADMIN_PASSWORD")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "PUENTE_ADMIN_NAME")
    Optional<String> adminName;

    @Inject
    @ConfigProperty(name = "PUENTE_DEMO_DATA", defaultValue = "false")
    boolean demoData;

    @Inject
    @ConfigProperty(name = "PUENTE_TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    /** The public address of the portal without a trailing slash, used in links inside emails. */
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Whether the portal is served over https (its cookies are then {@code Secure} and HSTS is sent). */
    public boolean isHttps() {
        return baseUrl.startsWith("https:");
    }

    public boolean secureCookies() {
        return isHttps();
    }

    public String smtpHost() {
        return smtpHost;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public Optional<String> smtpUser() {
        return smtpUser.filter(s -> !s.isBlank());
    }

    public Optional<String> smtpPassword() {
        return smtpPassword;
    }

    public boolean smtpStartTls() {
        return smtpStartTls;
    }

    public String mailFrom() {
        return mailFrom;
    }

    public Optional<String> adminEmail() {
        return adminEmail.filter(s -> !s.isBlank());
    }

    /** The first admin's own name, if given (mail they send names them; otherwise the coalition). */
    public Optional<String> adminName() {
        return adminName.filter(s -> !s.isBlank()).map(String::strip);
    }

    public Optional<String> adminPassword() {
        return adminPassword.filter(s -> !s.isBlank());
    }

    public boolean demoData() {
        return demoData;
    }

    /** Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses); none by default. */
    public Set<String> trustedProxies() {
        return ClientAddress.parseTrusted(trustedProxies.orElse(null));
    }
}
