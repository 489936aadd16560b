"""Names of the officer groups the demo content creates; administrators may rename or reassign."""

PERSONNEL = "เจ้าหน้าที่กลุ่มบริหารงานบุคคล"
FINANCE = "เจ้าหน้าที่กลุ่มบริหารงานการเงินและสินทรัพย์"
ADMINISTRATION = "เจ้าหน้าที่กลุ่มอำนวยการ"
DIRECTOR_OFFICE = "เจ้าหน้าที่สำนักงานผู้อำนวยการ"
ACADEMIC = "เจ้าหน้าที่กลุ่มส่งเสริมการจัดการศึกษา"
