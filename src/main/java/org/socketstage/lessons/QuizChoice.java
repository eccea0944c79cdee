package org.socketstage.lessons;

/** One answer of a quiz question, with the explanation shown whether or not the student picked it. */
public record QuizChoice(String text, boolean correct, String explanation) {}
