/**
 * The web layer shared by all pages: security headers and one Content-Security-Policy, request size limits,
 * sessionless public views, and the single exception handler and error view that turn failures into
 * 403/404/400/500 pages in the person's language, with a logged reference id and never a stack trace.
 */
package org.puente.platform.web;
