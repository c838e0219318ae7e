/**
 * The command line (picocli): the same operations as the window, without one. Each verb is a
 * {@code Callable<Integer>} that fills a request and calls the method the UI calls. Data goes to
 * stdout, one-line reasons to stderr; exit codes 0 (success), 2 (bad usage), 1 (unreadable input).
 */
package org.dnsseismograph.cli;
