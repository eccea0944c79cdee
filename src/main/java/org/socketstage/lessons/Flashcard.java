package org.socketstage.lessons;

/** A question on the front, the answer (Markdown) on the back. */
public record Flashcard(String front, String back, String source) {}
