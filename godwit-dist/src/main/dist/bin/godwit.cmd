@echo off
rem Godwit command line for Windows. Needs a Java 17 (or newer) runtime: %JAVA_HOME%\bin\java.exe,
rem else java on the PATH. GODWIT_JAVA_OPTS adds JVM options. No class data sharing archive here
rem (bin/godwit makes one on Linux and macOS).
setlocal
set "GODWIT_HOME=%~dp0.."
if defined JAVA_HOME (
  set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA=java.exe"
)
rem Godwit's jars, then the JDBC drivers dropped into drivers\ (DriverManager finds them there).
"%JAVA%" %GODWIT_JAVA_OPTS% -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr -cp "%GODWIT_HOME%\lib\*;%GODWIT_HOME%\drivers\*" dev.godwit.cli.Main %*
exit /b %ERRORLEVEL%
