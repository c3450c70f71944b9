package org.puente.platform.security;

/** What a signed-in person may do; the names are the Jakarta Security groups and roles. */
public enum Role {
    /** Coalition administrators: everything. */
    ADMIN,
    /** Coalition staff: alerts, moderation, invitations. */
    STAFF,
    /** Acts for one or more member organizations, and only for those. */
    ORG_EDITOR;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String STAFF_NAME = "STAFF";
    public static final String ORG_EDITOR_NAME = "ORG_EDITOR";
}
