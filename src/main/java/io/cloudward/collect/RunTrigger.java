package io.cloudward.collect;

/** Why a run exists. */
public enum RunTrigger { SCHEDULE, MANUAL, CONNECT }
