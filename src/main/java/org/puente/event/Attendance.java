package org.puente.event;

/** Where people take part: at a place, online, or either. */
public enum Attendance {
    IN_PERSON,
    ONLINE,
    BOTH;

    public boolean hasPlace() {
        return this != ONLINE;
    }

    public boolean hasLink() {
        return this != IN_PERSON;
    }
}
