/**
 * The application window: {@link org.dnsseismograph.ui.SeismographApp} (the composition root,
 * launched by {@code Main} without an {@code Application} subclass), {@link
 * org.dnsseismograph.ui.MainWindow} (menus, sources panel, timeline, side panel, status bar; the
 * host of the workspace, export and annotations components) and the window's frame pulse. JavaFX
 * lives here and in the subpackages only.
 */
package org.dnsseismograph.ui;
