package io.zhongtai.core;

/** A place in a text: line and column, both counted from 1. */
public record TextPosition(int line, int column) {
    public TextPosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1, were " + line + ":" + column);
        }
    }
}
