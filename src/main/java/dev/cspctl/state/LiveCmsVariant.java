package dev.cspctl.state;

/** A CMS variant of a variant group (all server-set). */
public record LiveCmsVariant(String uid, String name, String shortUid, String alias) {}
