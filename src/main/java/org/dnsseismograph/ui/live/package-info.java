/**
 * Live sources in the window: a capture on an interface or a resolver's dnstap stream put on the
 * same timeline as the files, updated at frame rate from the sources' immutable snapshots, with a
 * mode that follows the present, drops in the status line and as a lane, and the Capture ▸ Live…
 * dialog. JavaFX; the sources themselves live in {@code capture}.
 */
package org.dnsseismograph.ui.live;
