/**
 * Member organizations and the people who act for them.
 *
 * <p>The coalition is one row ({@link org.puente.organization.Coalition}); its members are
 * {@link org.puente.organization.Organization}s, each with a bilingual description, an optional logo kept
 * in its own table (lists never load images), and editors who join through single-use e-mailed
 * {@link org.puente.organization.Invitation}s. Staff invitations live here too because they are the same
 * protocol with a different role. The membership (the {@code organization_editor} table) belongs to the
 * organization, not to the account, and so does the rule of who may edit it
 * ({@link org.puente.organization.Organization#mayBeEditedBy}, applied to the caller by
 * {@link org.puente.organization.Editors}), and so does who may invite more editors: staff for every
 * organization, an editor for their own ({@link org.puente.organization.Organization#mayManageEditorsBy});
 * other features (petitions written for an organization) ask here.
 * The coalition's emergency signing switch is kept here too, and petitions ask {@code CoalitionService} for
 * it, and so is the coalition's time zone, in which staff read and enter every time: the platform's date
 * formatting and the features ask for it through {@link org.puente.platform.time.StaffTimeZone}, which
 * {@link org.puente.organization.CoalitionTimeZone} answers. The services check the caller on every change, so a guessed URL or a forged post meets the same rule
 * as the page; the page beans only translate outcomes into messages.
 */
package org.puente.organization;
