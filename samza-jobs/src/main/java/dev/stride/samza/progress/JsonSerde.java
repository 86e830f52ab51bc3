package dev.stride.samza.progress;

import dev.stride.core.event.Json;
import org.apache.samza.serializers.Serde;

import java.io.Serializable;

/** Store serde through progress-core's JSON mapper; Serializable because Samza ships descriptor serdes in the config. */
public final class JsonSerde<T> implements Serde<T>, Serializable {

    private static final long serialVersionUID = 1L;
    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public T fromBytes(byte[] bytes) {
        return Json.read(bytes, type);
    }

    @Override
    public byte[] toBytes(T object) {
        return Json.writeBytes(object);
    }
}
