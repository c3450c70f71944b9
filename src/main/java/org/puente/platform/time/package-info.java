/**
 * Where "now" comes from. Every service, web bean and background worker asks the one injected
 * {@link java.time.Clock} instead of the system clock, so that an integration test can move the running
 * portal's time (past a link's lifetime, to a scheduled alert) instead of sleeping; in production the clock
 * is the system's, in UTC, and cannot be moved.
 */
package org.puente.platform.time;
