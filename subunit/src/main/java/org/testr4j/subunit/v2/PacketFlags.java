package org.testr4j.subunit.v2;

/** The 16 flag bits of a v2 packet, named as in the subunit spec and python-subunit. */
final class PacketFlags {
    static final int VERSION_MASK = 0xF000;
    static final int VERSION_2 = 0x2000;
    static final int TEST_ID = 0x0800;
    static final int ROUTE_CODE = 0x0400;
    static final int TIMESTAMP = 0x0200;
    static final int RUNNABLE = 0x0100;
    static final int TAGS = 0x0080;
    static final int FILE_CONTENT = 0x0040;
    static final int MIME_TYPE = 0x0020;
    static final int EOF = 0x0010;
    static final int STATUS_MASK = 0x0007;

    private PacketFlags() {}
}
