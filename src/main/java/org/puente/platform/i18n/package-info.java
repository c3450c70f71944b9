/**
 * English and Spanish everywhere. A request's language is settled once by a filter (parameter, cookie,
 * browser, English) without touching the session; bilingual content is a {@link org.puente.platform.i18n.LocalizedText}
 * whose reading rule (own language, else the other, marked with its real {@code lang}) lives in one place.
 */
package org.puente.platform.i18n;
