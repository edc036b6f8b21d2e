type FormMessageProps = { message?: string | null; tone?: "error" | "info" };

export function FormMessage({ message, tone = "error" }: FormMessageProps) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      aria-live="polite"
      className={tone === "error" ? "text-sm text-red-800" : "text-sm text-stone-700"}
    >
      {message ? (
        <p
          className={tone === "error" ? "rounded-md border border-red-300 bg-red-50 px-3 py-2" : ""}
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
