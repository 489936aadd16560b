"""The demo office's meeting rooms (service 31) and the executives who take appointments (32)."""

from service_requests.catalogue.appointment import Executive
from service_requests.catalogue.meeting_room import Room

ROOMS = (
    {
        "name": "ห้องประชุมเพชรอำนาจ",
        "capacity": 80,
        "equipment": "เครื่องฉายโปรเจกเตอร์และจอรับภาพ\nไมโครโฟนไร้สาย 4 ตัว และไมโครโฟนประชุม 20 ชุด\nเครื่องปรับอากาศ",
    },
    {
        "name": "ห้องประชุมเล็ก",
        "capacity": 20,
        "equipment": "จอโทรทัศน์ 65 นิ้ว\nไวต์บอร์ด",
    },
    {
        "name": "ห้องประชุมออนไลน์",
        "capacity": 12,
        "equipment": "กล้องและไมโครโฟนสำหรับประชุมทางไกล (Zoom, Microsoft Teams)\nจอโทรทัศน์ 55 นิ้ว",
    },
)

OFFICE = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ"
EXECUTIVES = (
    {"name": "นายสมศักดิ์ ทองประเสริฐ", "position": f"ผู้อำนวยการ{OFFICE}", "sort_order": 1},
    {"name": "นางสุภาพร แก้วมณีวงศ์", "position": f"รองผู้อำนวยการ{OFFICE}", "sort_order": 2},
    {"name": "นายธนากร บุญมาศรี", "position": f"รองผู้อำนวยการ{OFFICE}", "sort_order": 3},
)


def ensure_rooms() -> list[Room]:
    """The three rooms, found again by name; what administrators changed is kept."""
    return [
        Room.objects.get_or_create(name=room["name"], defaults={**room, "is_active": True})[0]
        for room in ROOMS
    ]


def ensure_executives() -> list[Executive]:
    return [
        Executive.objects.get_or_create(name=executive["name"], defaults={**executive, "is_active": True})[0]
        for executive in EXECUTIVES
    ]


def ensure_booking_resources():
    return ensure_rooms(), ensure_executives()
