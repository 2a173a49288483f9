package org.chibo.evaluation.rating;

/** One criterion of a rating, whether it is met, and the evidence, in words a committee member reads. */
public record Criterion(String name, boolean met, String evidence) {
}
