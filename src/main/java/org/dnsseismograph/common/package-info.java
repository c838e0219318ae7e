/**
 * Vocabulary every layer shares and that depends on nothing: progress reporting and cancellation
 * of long work. JDK only.
 */
package org.dnsseismograph.common;
