/**
 * The built-in models of §3: m1 Leverage ladder, m2 Open-interest flow, m3 Decaying ladder, and the
 * trade-based m1t and m3t.
 */
package org.liqlens.engine.model.builtin;
