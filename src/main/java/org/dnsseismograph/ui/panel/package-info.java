/**
 * The side panel for the visible window: top question names, clients, authoritative servers and
 * answers summed off the FX thread once the window rests, the detections list, and the slot for
 * the annotations list.
 */
package org.dnsseismograph.ui.panel;
