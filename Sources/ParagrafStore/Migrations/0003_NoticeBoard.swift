/// The official notice board looks minutes up by the day their notice of adjustment was posted.
let migration0003NoticeBoard = Migration(version: 3, name: "notice board", sql: [
    "CREATE INDEX minutes_by_announcement ON minutes (announced_on)",
])
