package dev.tapewatch.alert;

/** Somewhere an alert is delivered to (a webhook, a command); called from the delivery thread only. */
public interface AlertSink {

    /** What happened to one try: delivered, worth trying again (the receiver is down, busy or failing), or not. */
    record Outcome(boolean delivered, boolean retry, String problem) {
        static final Outcome DELIVERED = new Outcome(true, false, null);

        static Outcome retry(String problem) {
            return new Outcome(false, true, problem);
        }

        static Outcome failed(String problem) {
            return new Outcome(false, false, problem);
        }
    }

    /** How logs and status lines name it, with nothing secret in it. */
    String describe();

    Outcome deliver(Alert alert) throws InterruptedException;

    /** Gets ready before the first alert (on the delivery thread), so the first is as quick as the rest. */
    default void warmUp() {
    }
}
