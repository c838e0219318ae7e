/**
 * What every part of the window shares: the one way onto the FX thread ({@code FxExecutor}), long
 * work as tasks ({@code TaskRunner}), dialogs ({@code DialogService}), the commands as data
 * ({@code Actions}, {@code ActionFactory}), user settings and themes, and the interfaces through
 * which the workspace and annotations components plug into the window ({@code WorkspaceActions},
 * {@code AnnotationActions}, {@code WorkspaceHost}).
 */
package org.dnsseismograph.ui.common;
