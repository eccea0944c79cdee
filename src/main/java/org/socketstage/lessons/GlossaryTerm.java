package org.socketstage.lessons;

/** A term and its definition (Markdown). */
public record GlossaryTerm(String term, String definition, String source) {}
