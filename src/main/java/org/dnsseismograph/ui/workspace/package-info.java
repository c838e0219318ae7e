/**
 * The workspace session in the window: Save, Save as, Open and Close with the window title showing
 * the file and unsaved changes, recovery copies offered back after a crash, and sources that moved
 * or changed settled with the analyst ({@link org.dnsseismograph.ui.workspace.WorkspaceViewModel}
 * over {@link org.dnsseismograph.workspace.WorkspaceSession}). File work runs off the FX thread.
 */
package org.dnsseismograph.ui.workspace;
