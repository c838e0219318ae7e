/**
 * Time series on UTC: metric identities and units, fixed-step tables for scripts, and
 * multi-resolution series that answer any view in O(pixels). Times are epoch nanoseconds, UTC.
 * JDK only; knows no pixels beyond "how many columns".
 */
package org.dnsseismograph.series;
