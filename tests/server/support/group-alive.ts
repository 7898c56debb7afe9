/** Whether any process of the group led by `groupId` is still alive (signal 0 probes without killing). */
export function groupAlive(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch {
    return false;
  }
}
