// Whether a process still runs: leftovers named with a pid (staging folders,
// cache temp files) belong to a live build until its process is gone.
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
