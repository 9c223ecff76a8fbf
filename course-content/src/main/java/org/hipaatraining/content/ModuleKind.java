package org.hipaatraining.content;

/** What a module is for: the four core modules, depth for one role, or a short quarterly security reminder. */
public enum ModuleKind {
    CORE,
    ROLE,
    REMINDER
}
