package org.puente.platform.time;

import java.time.ZoneId;

/**
 * The time zone staff read and enter times in: the coalition's, which the organization feature owns. The
 * platform formats dates with it but depends on no feature, so it asks through this interface.
 */
public interface StaffTimeZone {

    ZoneId zone();
}
