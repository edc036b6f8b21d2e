import type { ButtonHTMLAttributes } from "react";

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger" | "ghost";
};

const variants = {
  primary: "bg-sky-800 text-white hover:bg-sky-900 disabled:bg-stone-400",
  secondary:
    "border border-stone-400 bg-white text-stone-900 hover:bg-stone-100 disabled:text-stone-400",
  danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
  ghost: "text-stone-800 hover:bg-stone-200",
} as const;

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-1 rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
