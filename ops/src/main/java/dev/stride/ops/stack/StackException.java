package dev.stride.ops.stack;

/** A start or stop that failed, with a message meant for the person at the terminal. */
public class StackException extends Exception {
  public StackException(String message) {
    super(message);
  }
}
