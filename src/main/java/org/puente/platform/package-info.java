/**
 * What every feature stands on: configuration from the environment ({@code config}), the data source and
 * Flyway migrations ({@code persistence}), languages and bilingual content ({@code i18n}), mail rendered in
 * the recipient's language and the canonical form of an address by which every feature recognises a
 * person ({@code mail}), passwords, tokens and roles ({@code security}), the one clock
 * every "now" comes from ({@code time}), and the web plumbing that makes every response safe and every
 * failure a page in the person's language ({@code web}).
 * Features depend on the platform, never the other way round, except {@code bootstrap}, which seeds them.
 */
package org.puente.platform;
