package org.hipaatraining.content;

/** Single choice (one correct answer) or multiple choice (every correct answer, and only those, must be chosen). */
public enum QuestionType {
    SINGLE,
    MULTIPLE
}
